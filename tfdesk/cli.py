"""tfdesk-train: the same experiments as the window, headless, for the lab's GPU server.

    tfdesk-train --example digits > exp.json
    tfdesk-train exp.json --epochs 60 --save save_model --logdir logs --device gpu:0
    tfdesk-train --resume save_model --epochs 10

Problems with the user's input end with one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import console
from .core.errors import TfdeskError
from .core.spec import Experiment, example_experiment

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tfdesk-train",
        description="Train a tfdesk experiment without a window.",
        epilog="Start with: tfdesk-train --example digits > exp.json")
    p.add_argument("experiment", nargs="?", help="experiment file (JSON)")
    p.add_argument("--example", choices=["digits", "course", "linear", "quadratic"],
                   help="print an example experiment as JSON and exit")
    p.add_argument("--epochs", type=int, help="epochs to train in this run")
    p.add_argument("--save", metavar="DIR", help="save the checkpoint into this folder")
    p.add_argument("--resume", metavar="DIR",
                   help="continue from this checkpoint (weights, optimizer state, epoch count)")
    p.add_argument("--logdir", metavar="DIR", help="write TensorBoard event files (graph and scalars)")
    p.add_argument("--device", help="cpu or gpu:N (overrides the experiment)")
    p.add_argument("--devices", action="store_true", help="list GPUs and TensorFlow's devices, then exit")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--verbose", action="store_true",
                   help="show TensorFlow's own start-up and log messages")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except TfdeskError as e:
        first, *rest = [line.strip() for line in str(e).splitlines()] or [""]
        console.say(f"tfdesk-train: {' '.join([first] + (['; '.join(rest)] if rest else []))}",
                    error=True)
        return EXIT_BAD_INPUT


def run(args) -> int:
    if args.example:
        console.say(example_experiment(args.example).to_json().rstrip("\n"))
        return 0
    from .core.tf_start import start_tensorflow

    start_tensorflow(args.verbose)
    if args.devices:
        from .core.devices import device_report

        console.say(device_report().summary())
        return 0
    exp = _experiment(args)
    if args.epochs is not None and args.epochs < 1:
        raise TfdeskError(f"--epochs: must be at least 1, got {args.epochs}")

    from .core import checkpoint
    from .core.trainer import Trainer

    # Before training, so that a bad target does not waste the run.
    if args.save is not None:
        checkpoint.check_save_target(args.save)
    if args.logdir is not None:
        _check_logdir(args.logdir)
    with Trainer(exp) as trainer:
        if note := trainer.device_note():
            console.say(note, error=True)
        if args.resume:
            checkpoint.restore_weights(trainer, args.resume)
            console.say(f"Resumed from {args.resume} at epoch {trainer.epoch}, step {trainer.step}.",
                        error=True)
        epochs = args.epochs if args.epochs is not None else max(0, exp.training.epochs - trainer.epoch)
        with console.stops_gracefully(trainer.stop) as stopping:
            _train(trainer, epochs, args)
        summary, result = _result(trainer)
        if args.save is not None:  # saved before anything is printed: output may fail
            with console.uninterruptible():
                checkpoint.save_checkpoint(trainer, args.save, summary)
            console.say(f"Saved the checkpoint in {Path(args.save).absolute()}", error=True)
        console.say(result)
    return EXIT_INTERRUPTED if stopping.signal_name else 0


def _check_logdir(logdir: str) -> None:
    path = Path(logdir)
    if not logdir.strip():
        raise TfdeskError("--logdir: no folder given")
    if path.exists() and not path.is_dir():
        raise TfdeskError(f"--logdir: {path} is a file; TensorBoard's event files go into a folder")


def _experiment(args) -> Experiment:
    if args.experiment:
        exp = Experiment.load(args.experiment)
    elif args.resume:
        from .core.checkpoint import sidecar_experiment

        exp = sidecar_experiment(args.resume)
    else:
        raise TfdeskError("no experiment given: name an experiment file, or --resume a checkpoint "
                          "(tfdesk-train --example digits > exp.json writes one)")
    if args.device:
        exp.device = args.device
    return exp.validate()


def _train(trainer, epochs: int, args) -> None:
    """Train with a progress bar; a stop signal ends it cleanly so the work can be saved."""
    from tqdm import tqdm

    from .core.trainer import EpochMetrics, StepLosses

    log = _EventLog(args.logdir, trainer) if args.logdir else None
    bar = tqdm(total=epochs * trainer.steps_per_epoch(), unit="step",
               disable=args.quiet or sys.stderr is None or None, file=console.SafeStream(),
               dynamic_ncols=True, mininterval=0.25)

    def on_event(event):
        if isinstance(event, StepLosses):
            bar.update(len(event.losses))
            if log:
                log.steps(event)
        elif isinstance(event, EpochMetrics):
            bar.set_postfix_str(_epoch_text(event), refresh=False)
            if log:
                log.epoch(event)

    try:
        trainer.train(epochs, callback=on_event)
    finally:
        bar.close()
        if log:
            log.close()


def _epoch_text(m) -> str:
    parts = [f"epoch {m.epoch}", f"loss {m.train_loss:.4f}"]
    if m.val_loss is not None:
        parts.append(f"val_loss {m.val_loss:.4f}")
    if m.val_accuracy is not None:
        parts.append(f"val_acc {m.val_accuracy:.1%}")
    return " ".join(parts)


def _result(trainer) -> tuple[dict, str]:
    """The checkpoint's metrics, and the line that tells the result."""
    data = trainer.data
    if data.task == "regression":
        values = trainer.variable_values()
        w, b = values["weight"].tolist(), float(values["bias"][0])
        split = "test" if len(data.x_test) else "train"
        mse = trainer.evaluate(split).loss
        return {"epoch": trainer.epoch, f"{split}_mse": mse}, (
            f"learned weight {[round(v, 3) for v in w]} bias {b:.3f} "
            f"(true weight {data.true_params['weight']} bias {data.true_params['bias']}); "
            f"{split} mse {mse:.4f}")
    if len(data.x_test) == 0:
        return {"epoch": trainer.epoch}, "no test split (test_fraction is 0)"
    ev = trainer.evaluate("test")
    return ({"epoch": trainer.epoch, "test_accuracy": ev.accuracy, "test_loss": ev.loss},
            f"test accuracy {ev.accuracy:.2%} (loss {ev.loss:.4f}, {len(ev.labels)} images)")


class _EventLog:
    """TensorBoard event files: the graph once, then the scalars as they arrive."""

    def __init__(self, logdir: str, trainer):
        import tensorflow as tf

        self._tf = tf
        with trainer.graph.as_default():  # FileWriter refuses to start in eager mode
            self.writer = tf.compat.v1.summary.FileWriter(logdir, trainer.graph)

    def _scalar(self, tag: str, value, step: int) -> None:
        if value is not None:
            s = self._tf.compat.v1.Summary(value=[self._tf.compat.v1.Summary.Value(tag=tag, simple_value=float(value))])
            self.writer.add_summary(s, step)

    def steps(self, event) -> None:
        for i, loss in enumerate(event.losses):
            self._scalar("step/loss", loss, event.first_step + i)

    def epoch(self, m) -> None:
        for tag in ("train_loss", "train_accuracy", "val_loss", "val_accuracy"):
            self._scalar(f"epoch/{tag}", getattr(m, tag), m.epoch)

    def close(self) -> None:
        self.writer.close()


if __name__ == "__main__":
    sys.exit(main())
