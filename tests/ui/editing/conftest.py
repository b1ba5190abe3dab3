"""Editing tests: message boxes never block (a refusal from the store shows one)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_blocking_message_boxes(messages):
    return messages
