from __future__ import annotations

from ui.actions import ACTIONS, ActionId, key_sequences


def test_every_action_is_declared_once_with_text():
    assert set(ACTIONS) == set(ActionId)
    assert all(spec.text for spec in ACTIONS.values())


def test_no_two_actions_share_a_shortcut(window):
    owners: dict[str, str] = {}
    for action_id, action in window.actions:
        for seq in action.shortcuts():
            key = seq.toString()
            assert key not in owners, f"{key} is both {owners[key]} and {action_id}"
            owners[key] = action_id
    assert {"Ctrl+F", "F3", "Shift+F3", "Ctrl+Down", "Ctrl+Up", "Ctrl++", "Ctrl+-", "Ctrl+0"} <= set(owners)


def test_standard_keys_are_used_where_qt_has_them():
    assert [s.toString() for s in key_sequences(ACTIONS[ActionId.FIND])][0] == "Ctrl+F"
    assert "Ctrl+O" in [s.toString() for s in key_sequences(ACTIONS[ActionId.OPEN_PROJECT])]
