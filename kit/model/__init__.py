"""Sessions, questions and the validation of every answer. Pure Python, no I/O, cheap to import."""
