"""Benchmarks: `python -m bench.train`, `bench.ui`, `bench.drawing`, `bench.soak`. Not run by the tests."""
