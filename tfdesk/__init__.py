"""tfdesk: a desktop TensorFlow trainer for the course's workshops."""

__version__ = "0.1.0"
