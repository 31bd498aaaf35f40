"""Small experiments that train in a fraction of a second."""

from tfdesk.core.spec import LayerSpec, course_experiment


def tiny_digits(epochs=1, **training):
    exp = course_experiment()
    exp.model.hidden_layers = [LayerSpec(units=25, dropout=0.0)]
    exp.training.epochs = epochs
    # The default rate is tuned for 80 epochs; a few epochs need a faster one.
    exp.optimizer.learning_rate = 0.01
    for key, value in training.items():
        setattr(exp.training, key, value)
    return exp
