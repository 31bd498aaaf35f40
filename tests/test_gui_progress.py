"""The progress bar: at most ten updates a second, and never a stale number."""

from tfdesk.gui.training_progress import TrainingProgress


def test_a_burst_of_progress_shows_its_latest_numbers(qtbot):
    bar = TrainingProgress()
    qtbot.addWidget(bar)
    shown = []
    bar.valueChanged.connect(shown.append)
    for done in range(1, 51):  # 50 chunks' reports within a few milliseconds
        bar.show_progress(1, 2, done, 100, eta=65.0)
    assert shown == [1]  # the first at once, the rest held back
    qtbot.waitUntil(lambda: bar.value() == 50, timeout=1000)
    assert shown == [1, 50]
    assert bar.format() == "epoch 1/2 · step 50/100 · ETA 1:05"


def test_finishing_shows_the_last_step_before_the_words(qtbot):
    bar = TrainingProgress()
    qtbot.addWidget(bar)
    bar.show_progress(1, 1, 10, 100, eta=1.0)
    bar.show_progress(1, 1, 100, 100, eta=0.0)  # held back
    bar.show_text("Finished in 1.0 s")
    assert bar.value() == 100 and bar.format() == "Finished in 1.0 s"
