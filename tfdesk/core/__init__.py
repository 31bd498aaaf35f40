"""Everything TensorFlow, numpy and files. Nothing in this package may import Qt:
the instructor's headless server and the CLI use it without a display."""
