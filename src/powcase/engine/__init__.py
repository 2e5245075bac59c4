"""The transition table read from the chart, the facts a record establishes, and the replay
loop that judges each step with a judge it is given.
"""
