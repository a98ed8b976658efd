"""Conversation history: persisted, ordered, resumable, safe with bad input."""
import threading

import pytest

from agent.history import HistoryError, HistoryStore, make_title


def test_conversation_round_trip_survives_reopen(tmp_path):
    db = tmp_path / "h.sqlite"
    with HistoryStore(db) as store:
        conv = store.new_conversation()
        store.add_message(conv.id, "user", "Where did I park the car?\nsecond line")
        store.add_message(
            conv.id, "assistant", "Level 3.",
            sources=[{"path": "/n/car.md", "start_line": 2, "end_line": 4, "score": 0.5, "heading": ["Car"]}],
            meta={"cancelled": False},
        )
    with HistoryStore(db) as store:
        convs = store.list_conversations()
        assert [c.id for c in convs] == [conv.id]
        assert convs[0].title == "Where did I park the car? second line"
        assert convs[0].message_count == 2
        msgs = store.messages(conv.id)
        assert [m.role for m in msgs] == ["user", "assistant"]
        assert msgs[1].sources[0]["start_line"] == 2 and msgs[1].sources[0]["heading"] == ["Car"]
        assert msgs[1].meta == {"cancelled": False}


def test_list_is_most_recent_first_and_hides_empty(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite") as store:
        a = store.new_conversation()
        b = store.new_conversation()
        store.new_conversation()  # never used: not listed
        store.add_message(a.id, "user", "first")
        store.add_message(b.id, "user", "second")
        store.add_message(a.id, "assistant", "reply to first")  # a is now the most recent
        assert [c.id for c in store.list_conversations()] == [a.id, b.id]
        assert len(store.list_conversations(include_empty=True)) == 3
        assert store.delete(b.id) and store.messages(b.id) == []
        assert store.get(b.id) is None


def test_title_is_shortened():
    long = "word " * 40
    title = make_title(long)
    assert len(title) <= 60 and title.endswith("…")


def test_bad_input_is_refused_without_losing_data(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite") as store:
        conv = store.new_conversation()
        store.add_message(conv.id, "user", "keep me")
        with pytest.raises(HistoryError):
            store.add_message(9999, "user", "orphan")
        with pytest.raises(ValueError):
            store.add_message(conv.id, "robot", "nope")
        assert [m.content for m in store.messages(conv.id)] == ["keep me"]


def test_corrupt_file_gives_clear_error(tmp_path):
    db = tmp_path / "h.sqlite"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(HistoryError, match="Move it aside"):
        HistoryStore(db)


def test_writes_from_threads(tmp_path):
    with HistoryStore(tmp_path / "h.sqlite") as store:
        conv = store.new_conversation()

        def write(n):
            for i in range(20):
                store.add_message(conv.id, "user", f"{n}-{i}")

        threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(store.messages(conv.id)) == 80
