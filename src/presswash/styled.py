"""Placeholder until the real step lands (being written now)."""

from presswash.edits import Edit
from presswash.step import Step


class StyledText(Step):
    name = "styled"
    trigger = "\U0010fffe"

    def fix(self, text: str) -> str:
        return text

    def edits(self, text: str) -> list[Edit]:
        return []
