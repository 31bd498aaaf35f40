"""Benchmarks: `python -m bench.train`, `python -m bench.ui`. Not run by the tests."""
