"""Work over many scenarios or paths at once: comparisons of readings of the law."""
