"""Fazhi (法治): a platform for rule-of-law government building work."""
