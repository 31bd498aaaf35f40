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
    p.add_argument("--example", choices=["digits", "course", "conv", "linear", "quadratic"],
                   help="print an example experiment as JSON and exit")
    p.add_argument("--epochs", type=int, help="epochs to train in this run")
    p.add_argument("--save", metavar="DIR", help="save the checkpoint into this folder")
    p.add_argument("--resume", metavar="DIR",
                   help="continue from this checkpoint (weights, optimizer state, epoch count)")
    p.add_argument("--logdir", metavar="DIR", help="write TensorBoard event files (graph and scalars)")
    p.add_argument("--autosave", metavar="DIR",
                   help="keep the latest and the best network in this folder while training")
    p.add_argument("--device", help="cpu or gpu:N (overrides the experiment)")
    p.add_argument("--server", metavar="ADDRESS",
                   help="train on a tfdesk-server (grpc://host:port); checkpoints stay here")
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
    from .core.errors import TrainingError
    from .core.session import TrainingSession

    # Before training, so that a bad target does not waste the run.
    if args.save is not None:
        checkpoint.check_save_target(args.save)
    if args.logdir is not None:
        _check_logdir(args.logdir)
    session = TrainingSession(_callbacks(args), server=args.server)
    try:
        session.prepare(exp)
        if args.server:
            console.say(f"Training on {session.trainer.remote.address} "
                        f"({session.trainer.remote.device}).", error=True)
        if note := session.trainer.device_note():
            console.say(note, error=True)
        if args.resume:
            session.load_weights(args.resume)
            console.say(f"Resumed from {args.resume} at epoch {session.trainer.epoch}, "
                        f"step {session.trainer.step}.", error=True)
        epochs = args.epochs if args.epochs is not None else max(0, exp.training.epochs - session.trainer.epoch)
        with console.stops_gracefully(session.stop) as stopping:
            result = session.train(epochs)
        if result.status == "failed":
            raise TrainingError(result.reason)
        if not args.quiet and result.step:
            console.say(_engine_line(session.trainer), error=True)
        line = _result(session)
        if args.save is not None:  # saved before anything is printed: output may fail
            with console.uninterruptible():
                session.save(args.save)
            console.say(f"Saved the checkpoint in {Path(args.save).absolute()}", error=True)
        console.say(line)
    finally:
        for callback in session.callbacks.callbacks:
            getattr(callback, "close", lambda: None)()
        session.close()
    return EXIT_INTERRUPTED if stopping.signal_name else 0


def _engine_line(trainer) -> str:
    """How the steps ran (core/compiled_chunk.py): compiled by XLA once a long run pays
    for the compile, else TensorFlow's while loop."""
    if trainer.engine_path == "xla":
        return "The steps ran compiled by XLA."
    if trainer.xla_error:
        return f"The steps ran on the graph's while loop; XLA could not compile them: {trainer.xla_error}"
    return "The steps ran on the graph's while loop (a run this short ends before XLA could compile it)."


def _callbacks(args) -> list:
    from .core.callbacks.autosave import Autosave
    from .core.callbacks.tensorboard import TensorBoardLog
    from .console_progress import Messages, ProgressBar

    callbacks = [ProgressBar(disabled=args.quiet), Messages()]
    if args.logdir is not None:
        callbacks.append(TensorBoardLog(args.logdir, histograms=False))
    if args.autosave is not None:
        callbacks.append(Autosave(args.autosave))
    return callbacks


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


def _result(session) -> str:
    """The line that tells the result; a classifier takes its final exam on the test set
    here (counted in the checkpoint's metrics)."""
    data = session.data
    if data.task == "regression":
        values = session.trainer.variable_values()
        w, b = values["weight"].tolist(), float(values["bias"][0])
        split = "test" if len(data.x_test) else "train"
        mse = session.trainer.evaluate(split).loss
        return (f"learned weight {[round(v, 3) for v in w]} bias {b:.3f} "
                f"(true weight {data.true_params['weight']} bias {data.true_params['bias']}); "
                f"{split} mse {mse:.4f}")
    if len(data.x_test) == 0:
        return "no test split (test_fraction is 0)"
    ev = session.evaluate("test")
    return f"test accuracy {ev.accuracy:.2%} (loss {ev.loss:.4f}, {len(ev.labels)} images)"


if __name__ == "__main__":
    sys.exit(main())
