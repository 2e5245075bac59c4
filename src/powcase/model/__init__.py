"""The record's vocabulary: fields, events, subjects and records, assumptions, verdicts and
modes.
"""
