"""The law: provisions, parties, concerns, guards, flags, the docket and violations."""
