"""The window on a real tfdesk-server: Connect lists its devices, Start trains there,
the drawing is answered from the same remote session, and the choice is remembered."""

import numpy as np
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSpinBox

from qt_helpers import stroke, train
from test_remote import Server


def test_the_window_connects_trains_on_the_server_and_remembers_it(qtbot, window, tmp_path):
    server = Server()
    try:
        box = window.devices.server
        window.devices_dock.show()
        window.devices_dock.raise_()
        box.address.setText(f"127.0.0.1:{server.port}")
        with qtbot.waitSignal(window.worker.serverDevices, timeout=30_000):
            box.connect_button.click()
        assert box.remote.isChecked()
        assert f"{server.address} answers. Its devices: CPU:0" in box.status.text()
        assert not window.devices._device_combo.isEnabled()  # this computer's devices do not train

        assert train(qtbot, window) == "finished"
        trainer = window.worker.trainer
        assert trainer.remote is not None and trainer.remote.address == server.address
        qtbot.waitUntil(lambda: "Training on" in box.status.text(), timeout=5_000)
        assert f"Training on {server.address}, on its /job:worker/task:0/device:CPU:0" in box.status.text()

        before = window.draw.verdict.text()
        stroke(window.draw.canvas, [(60, 60), (220, 60), (120, 240)])
        qtbot.waitUntil(lambda: window.draw.verdict.text() != before, timeout=10_000)
        shown = window.draw.bars.probabilities()
        np.testing.assert_allclose(shown, trainer.predict(window.draw._vector)[0], rtol=1e-5)

        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
        assert settings.value("server") == f"127.0.0.1:{server.port}"
        assert str(settings.value("runOnServer")).lower() == "true"
        box.here.setChecked(True)  # back to this computer: Start builds the network here
        assert train(qtbot, window) == "finished"
        assert window.worker.trainer.remote is None
        assert "runs on this computer" in box.status.text()
        assert window.devices._device_combo.isEnabled()
    finally:
        server.stop()


def test_an_unreachable_server_is_said_in_the_panel(qtbot, window):
    from test_remote import free_port

    box = window.devices.server
    box.address.setText(f"grpc://127.0.0.1:{free_port()}")
    with qtbot.waitSignal(window.worker.serverProblem, timeout=30_000):
        box.connect_button.click()
    assert "No TensorFlow server answers at grpc://127.0.0.1:" in box.status.text()
    box.address.setText("my server")
    with qtbot.waitSignal(window.worker.serverProblem, timeout=30_000):
        box.connect_button.click()
    assert "'my server' is not a server address" in box.status.text()


def test_a_server_killed_while_the_window_trains_is_said_once_and_nothing_hangs(qtbot, window):
    server = Server()
    try:
        messages = []
        window.worker.failed.connect(messages.append)
        window.optimizer.findChild(QSpinBox, "epochs").setValue(200)
        box = window.devices.server
        box.address.setText(server.address)
        box.remote.setChecked(True)
        with qtbot.waitSignal(window.worker.trainingFinished, timeout=60_000) as done:
            window.start_action.trigger()
            qtbot.waitUntil(lambda: window.plot.step_count() > 100, timeout=30_000)
            server.kill()
        assert done.args[0] == "failed"
        qtbot.wait(1500)  # the weights view, the drawing: nothing more may go wrong after it
        assert len(messages) == 1, messages
        assert f"The server at {server.address} stopped answering" in messages[0]
        kept = window.worker.trainer.kept
        assert kept is not None
        np.testing.assert_allclose(window.worker.trainer.variable_values()["hidden_layer/weight1"],
                                   kept.values["hidden_layer/weight1"])
        assert window.start_action.isEnabled()  # Start can be pressed again
    finally:
        server.stop()
