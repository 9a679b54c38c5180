"""Distriktsboten: a Microsoft Teams bot for a party district's year plan."""
