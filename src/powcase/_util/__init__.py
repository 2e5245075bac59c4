"""Small helpers that know nothing of the law: dates, suggestions, located YAML reading,
redaction.
"""
