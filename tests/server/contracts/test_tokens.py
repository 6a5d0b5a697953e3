"""The login token store's contract: issue, revoke, expire."""

from __future__ import annotations

import pytest

from limelight.server.logins import ROTATION_GRACE, TokenStore
from tests.server.contracts.support import TOKEN_TTL, Clock

pytestmark = pytest.mark.anyio


async def test_an_issued_token_names_its_user_until_revoked(tokens: TokenStore) -> None:
    ann, bob = await tokens.issue("ann"), await tokens.issue("bob")
    assert ann != bob
    assert (await tokens.user(ann), await tokens.user(bob)) == ("ann", "bob")
    await tokens.revoke(ann)
    assert await tokens.user(ann) is None
    assert await tokens.user(bob) == "bob"
    await tokens.revoke(ann)


async def test_an_unknown_token_names_nobody(tokens: TokenStore) -> None:
    await tokens.issue("ann")
    assert await tokens.user("made-up") is None
    assert await tokens.user("") is None


async def test_a_token_expires_at_the_end_of_its_life(tokens: TokenStore, clock: Clock) -> None:
    old = await tokens.issue("ann")
    clock.advance(TOKEN_TTL / 2)
    young = await tokens.issue("ann")
    assert await tokens.expire() == 0
    clock.advance(TOKEN_TTL / 2)
    assert await tokens.user(old) is None
    assert await tokens.user(young) == "ann"
    assert await tokens.expire() == 1
    assert await tokens.user(young) == "ann"


async def test_a_token_past_half_its_life_is_rotated_with_a_short_grace(
    tokens: TokenStore, clock: Clock
) -> None:
    old = await tokens.issue("ann")
    assert await tokens.rotate(old) is None  # young
    clock.advance(TOKEN_TTL / 2)
    fresh = await tokens.rotate(old)
    assert fresh is not None and fresh != old
    assert (await tokens.user(fresh), await tokens.user(old)) == ("ann", "ann")
    assert await tokens.rotate(fresh) is None
    clock.advance(ROTATION_GRACE)
    assert await tokens.user(old) is None  # gone long before its own expiry
    assert await tokens.user(fresh) == "ann"
    assert await tokens.rotate("made-up") is None
