"""Pure Python: the product's rules, with no Qt and no SQL."""
