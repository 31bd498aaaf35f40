"""The progress bar: at most ten updates a second, and never a stale number."""

from tfdesk.gui.training_progress import TrainingProgress


def test_a_burst_of_progress_shows_its_latest_numbers(qtbot):
    bar = TrainingProgress()
    qtbot.addWidget(bar)
    shown = []
    bar.valueChanged.connect(shown.append)
    for done in range(1, 51):  # 50 chunks' reports within a few milliseconds
        bar.show_progress(1, 2, done, 0, 100, eta=65.0)
    assert shown == [1]  # the first at once, the rest held back
    qtbot.waitUntil(lambda: bar.value() == 50, timeout=1000)
    assert shown == [1, 50]
    assert bar.format() == "epoch 1/2 · step 50/100 · ETA 1:05"


def test_finishing_shows_the_last_step_before_the_words(qtbot):
    bar = TrainingProgress()
    qtbot.addWidget(bar)
    bar.show_progress(1, 1, 10, 0, 100, eta=1.0)
    bar.show_progress(1, 1, 100, 0, 100, eta=0.0)  # held back
    bar.show_text("Finished in 1.0 s")
    assert bar.value() == 100 and bar.format() == "Finished in 1.0 s"


def test_a_continued_run_counts_epochs_and_steps_alike(qtbot):
    # Once: "epoch 155/160 · step 2925/3120", epochs of the network and steps of the run.
    bar = TrainingProgress()
    qtbot.addWidget(bar)
    bar.show_progress(155, 160, 6045, 5850, 6240, eta=3.0)
    assert bar.format() == "epoch 155/160 · step 6045/6240 · ETA 0:03"
    assert (bar.minimum(), bar.value(), bar.maximum()) == (5850, 6045, 6240)  # fills over this run
