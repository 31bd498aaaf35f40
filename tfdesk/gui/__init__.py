"""The window. Qt only: panels edit an Experiment, the worker runs the core on its
own thread, and nothing here touches TensorFlow objects."""
