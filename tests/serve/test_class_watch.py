"""The tutor's live cohort screen: rows read from the pack's transcripts folder, and, with the server in
the same loop, who is connected right now."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from practice_bot.config import load_settings
from practice_bot.records.store import save_final
from practice_bot.serve.client import ScreenClient
from practice_bot.serve.cohort import class_rows
from practice_bot.serve.server import ClassConfig, ClassServer, learner_argv
from practice_bot.session.factory import start_session
from practice_bot.session.plan import SessionConfig
from practice_bot.tui.class_watch import ClassWatchApp
from practice_bot.tutor.packs import load_pack, pack_folder
from tests.serve.conftest import CODE, write_test_pack
from tests.tui.tui_testkit import wait_until


def sit(pack_path: Path, name: str, answers: list[str], finish: bool = False) -> None:
    pack = load_pack(pack_path)
    settings = load_settings(transcripts=pack_folder(pack, pack_path), scorer="offline")
    config = SessionConfig(
        mode="mock", apprentice=name, seed=pack.seed, minutes=pack.minutes, pack_id=pack.id
    )
    session = start_session(config, settings)
    session.engine.next_question()
    for text in answers:
        session.engine.submit_answer(text)
        session.engine.next_question()
    if finish:
        save_final(session.journal_path, session.engine.finish("ended_early"))


def table_text(app: Any) -> list[list[str]]:
    table = app.query_one("#rows")
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def test_rows_count_answers_per_topic_and_say_who_finished(tmp_path: Path) -> None:
    pack = write_test_pack(tmp_path)
    sit(pack, "Ann", ["We framed the problem with the users.", "Then we chose a metric."])
    sit(pack, "Bob", ["One answer."], finish=True)
    p = load_pack(pack)
    topics = load_rubric_topics()
    rows, problems = class_rows(pack_folder(p, pack), p.id, topics, {"Ann": "connected"})
    assert problems == []
    by_name = {r.name: r for r in rows}
    assert sum(by_name["Ann"].answers) == 2 and by_name["Ann"].status == "in progress"
    assert by_name["Ann"].connection == "connected" and by_name["Ann"].topic_now == topics[0]
    assert by_name["Bob"].finished and by_name["Bob"].status == "ended early"


def load_rubric_topics() -> list[str]:
    from practice_bot.rubric import load_rubric

    return load_rubric().topic_ids


async def test_watch_screen_shows_names_literally_and_progress(tmp_path: Path) -> None:
    pack = write_test_pack(tmp_path)
    sit(pack, "Eve [b]x[/b]", ["An answer about scoping."])
    app = ClassWatchApp(pack)
    async with app.run_test(size=(160, 30)) as pilot:
        await wait_until(pilot, lambda: app.query_one("#rows").row_count == 1, 10, "a row")
        (row,) = table_text(app)
        assert row[0] == "Eve [b]x[/b]" and row[2] == "1" and row[-1] == "in progress"


async def test_serve_watch_runs_the_server_and_shows_who_is_connected(tmp_path: Path) -> None:
    pack = write_test_pack(tmp_path)
    server = ClassServer(
        ClassConfig(class_name="Test mock", code=CODE, learner_argv=learner_argv(pack), grace=1)
    )
    app = ClassWatchApp(pack, server, "127.0.0.1", 0)
    async with app.run_test(size=(160, 30)) as pilot:
        await wait_until(pilot, lambda: app.runner is not None, 10, "the server")
        assert app.runner is not None
        port = app.runner.addresses[0][1]
        shown = str(app.query_one("#class").render())
        assert f"http://127.0.0.1:{port}/" in shown and f"\nClass code: {CODE}\n" in shown
        client = ScreenClient(f"http://127.0.0.1:{port}")
        try:
            await client.login("Zed", CODE)
            await client.connect()
            await client.wait_for("Type your answer", 30)
            await wait_until(
                pilot,
                lambda: any(r[0] == "Zed" and r[1] == "connected" for r in table_text(app)),
                10,
                "Zed connected",
            )
        finally:
            await client.close()
        await wait_until(
            pilot, lambda: any(r[1].startswith("away") for r in table_text(app)), 10, "away"
        )
        await pilot.press("ctrl+q")  # serving: asks before ending the class
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen", 5, "ask")
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q", "y")
        await wait_until(pilot, lambda: not app.is_running, 15, "the class ended")
    assert server.classroom.seats == {}  # leaving the screen ended the class and its processes
