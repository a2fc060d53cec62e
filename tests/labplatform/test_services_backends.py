"""The real services of production: PostgreSQL as the database, Redis for events and cache.

These run in the pass of .ci/run that sets DATABASE_URL and REDIS_URL.
"""

import asyncio
import os

import pytest
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_database_is_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 150000


@pytest.mark.redis
def test_the_cache_is_redis():
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    cache.set("lab:probe", {"ok": True}, 10)
    assert cache.get("lab:probe") == {"ok": True}


@pytest.mark.redis
async def test_channel_layer_survives_an_idle_wait_longer_than_the_redis_socket_timeout():
    """redis-py 8's default 5 s socket timeout would kill a blocking receive (channels_redis #422)."""
    layer = get_channel_layer()
    assert type(layer).__module__.startswith("channels_redis"), os.environ.get("REDIS_URL")
    channel = await layer.new_channel()
    await layer.group_add("lab-probe", channel)
    receiver = asyncio.ensure_future(layer.receive(channel))
    await asyncio.sleep(11)  # idle, blocked in receive
    assert not receiver.done()
    await layer.group_send("lab-probe", {"type": "probe.event", "n": 1})
    message = await asyncio.wait_for(receiver, timeout=5)
    assert message == {"type": "probe.event", "n": 1}
    await layer.group_discard("lab-probe", channel)
    await layer.flush()
