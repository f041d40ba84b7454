"""Regression test for PySide6 6.12.0, which over-releases None on every Python paint() override.

With that release the interpreter dies ("deallocating None") after a few hundred paints, so the
app pins PySide6 < 6.12. This test paints a QGraphicsItem subclass with a Python paint() a few
thousand times offscreen and checks that None's reference count does not fall; when it passes
on a newer PySide6, the pin can be lifted. It runs in a child process, so a release that kills
the interpreter fails this test instead of the whole test run. (On Python >= 3.12 None is
immortal and its count never moves; the child's exit status still catches the crash.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

PAINTS = 3000

SCRIPT = textwrap.dedent(
    f"""
    import sys

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene


    class Block(QGraphicsItem):
        painted = 0

        def boundingRect(self):
            return QRectF(0, 0, 10, 10)

        def paint(self, painter, option, widget=None):
            Block.painted += 1
            painter.fillRect(self.boundingRect(), QColor(200, 60, 30))


    app = QApplication([])
    scene = QGraphicsScene(0, 0, 100, 20)
    blocks = []
    for i in range(10):
        block = Block()
        block.setPos(i * 10, 5)
        scene.addItem(block)
        blocks.append(block)
    image = QImage(100, 20, QImage.Format.Format_ARGB32)


    def render(times):
        for _ in range(times):
            image.fill(0)
            painter = QPainter(image)
            scene.render(painter)
            painter.end()


    render(10)  # first paints allocate caches; count from a settled state
    start = Block.painted
    before = sys.getrefcount(None)
    render({PAINTS} // len(blocks))
    after = sys.getrefcount(None)
    ink = image.pixelColor(55, 10).red()
    print("RESULT", Block.painted - start, before, after, ink, flush=True)
    """
)


def test_python_paint_override_does_not_over_release_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, (
        f"painting crashed the interpreter (exit {result.returncode}); is PySide6 >= 6.12?\n"
        + result.stderr[-2000:]
    )
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("RESULT"))
    painted, before, after, ink = (int(v) for v in line.split()[1:])
    assert painted >= PAINTS  # the Python override really ran every time
    assert ink == 200  # and really painted
    # A leak-free paint leaves the count where it was (a few refs of noise either way);
    # the 6.12.0 bug drops it by one per paint, i.e. by thousands here.
    assert after >= before - 50, f"None lost {before - after} references over {painted} paints"
