"""Accounts and key slots: users and roles, passwords, the recovery key, and
the change of the database key that withdraws a slot (see :mod:`keys`)."""

from __future__ import annotations

import time
from collections.abc import Callable

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import insert, select, update

from idcheck.store.core import KeyChange, StoreCore
from idcheck.store.database import make_engine, translate
from idcheck.store.errors import InvalidInput, StoreCorrupt, WrongPassword
from idcheck.store.keys import KeySet, new_keyset, new_recovery_key, normal_password, wipe
from idcheck.store.records import User
from idcheck.store.schema import users
from idcheck.store.slotfile import SlotFile, read_slots, write_slots

#: A change to the key slots, given the key sets every remaining slot must hold.
SlotChange = Callable[[SlotFile, list[KeySet]], None]


class Accounts(StoreCore):
    """Users, passwords, the recovery key, and changes of the database key."""

    def add_user(self, username: str, password: str, role: str = "worker") -> User:
        self._require_admin("add users")
        check_username(username)
        check_password(password)
        if role not in ("admin", "worker"):
            raise InvalidInput(f"role must be admin or worker, not {role!r}")
        if read_slots(self.data_dir).user_slot(username) is not None:
            raise InvalidInput(f"a user named {username!r} exists already")
        with self._write() as conn:
            if conn.execute(select(users.c.id).where(users.c.username == username)).first():
                raise InvalidInput(f"a user named {username!r} exists already")
            uid = conn.execute(
                insert(users).values(
                    username=username, role=role, disabled=False, created_at=time.time()
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            self._audit_row(conn, "user-added", object_id=uid)
        self._set_user_slot(uid, username, password)
        return User(uid, username, role)  # type: ignore[arg-type]

    def list_users(self) -> list[User]:
        """Every account (names and roles: referrals name who screened)."""
        with self._read() as conn:
            return [
                User(r.id, r.username, r.role, bool(r.disabled))
                for r in conn.execute(
                    select(users.c.id, users.c.username, users.c.role, users.c.disabled).order_by(
                        users.c.username
                    )
                )
            ]

    def user_by_name(self, username: str) -> User:
        return self._user(users.c.username == username, f"no user named {username!r}")

    def set_password(self, old_password: str, new_password: str) -> None:
        """Change the signed-in user's own password: their slot gets a new key pair
        (the database key stays; the user knew it already)."""
        check_password(new_password)
        if read_slots(self.data_dir).open_user(self.user.username, old_password) is None:
            raise WrongPassword("the current password is wrong")
        # The audit row first: a crash after it and before the slot leaves a row for
        # a change not made, never a change without its row.
        self._audit("password-changed", object_id=self.user.id)
        self._set_user_slot(self.user.id, self.user.username, new_password)

    def reset_password(self, user_id: int, new_password: str) -> KeyChange:
        """An administrator sets a new password for a user. The user's slot gets a
        new key pair and the database key is replaced, so the old password opens
        nothing, even with a copy of the old key slots."""
        self._require_admin("reset passwords")
        check_password(new_password)
        target = self._user(users.c.id == user_id, f"no user with id {user_id}")
        if target.disabled:
            raise InvalidInput(
                f"{target.username} is disabled; a disabled account gets no password"
            )
        self._audit("password-reset", object_id=target.id)
        kdf = self.kdf

        def change(sf: SlotFile, current: list[KeySet]) -> None:
            sf.add_user_slot(target.id, target.username, new_password, current, kdf)

        return self._change_key(change)

    def replace_recovery_key(self) -> str:
        """A new recovery key (administrators; when the old one is lost, or may have
        been seen). The database key is replaced with it, so the old recovery key
        opens nothing, even with a copy of the old key slots. Returns the new key,
        to be shown once."""
        self._require_admin("replace the recovery key")
        self._audit("recovery-key-replaced")
        text, raw = new_recovery_key()

        def change(sf: SlotFile, current: list[KeySet]) -> None:
            sf.set_recovery_slot(raw, current)

        self._change_key(change)
        return text

    def disable_user(self, user_id: int) -> KeyChange:
        """Disable an account: its slot is removed and the database key replaced, so
        no copy of its old slot (a backup holds one) opens the store again."""
        self._require_admin("disable users")
        target = self._user(users.c.id == user_id, f"no user with id {user_id}")
        if target.id == self.user.id:
            raise InvalidInput("you cannot disable your own account")
        if target.disabled:
            # Done before: nothing to audit again, and no key to replace unless a
            # key change cut short left the account's slot (then it is finished now).
            with self._mutex:
                left = read_slots(self.data_dir).user_slot(target.username) is not None
            if not left:
                raise InvalidInput(f"{target.username} is disabled already; nothing changed")
        else:
            with self._write() as conn:
                conn.execute(update(users).where(users.c.id == user_id).values(disabled=True))
                self._audit_row(conn, "user-disabled", object_id=user_id)

        def change(sf: SlotFile, _current: list[KeySet]) -> None:
            sf.remove_user_slot(user_id)

        return self._change_key(change)

    def _user(self, where: object, missing: str) -> User:
        with self._read() as conn:
            r = conn.execute(
                select(users.c.id, users.c.username, users.c.role, users.c.disabled).where(
                    where  # type: ignore[arg-type]
                )
            ).first()
        if r is None:
            raise InvalidInput(missing)
        return User(r.id, r.username, r.role, bool(r.disabled))

    def _set_user_slot(self, user_id: int, username: str, password: str) -> None:
        """A new slot (a new key pair, the current database key) for one user."""
        with self._mutex:
            sf = read_slots(self.data_dir)
            sf.add_user_slot(user_id, username, password, [self._keyset()], self.kdf)
            write_slots(self.data_dir, sf)

    # ------------------------------------------------------------- key changes

    def _rekey_db(self, ks: KeySet) -> None:
        """Re-encrypt every page under ``ks`` (one transaction: a crash leaves the
        database whole under the old key or the new), drop the old key's frames
        from the journal, and reconnect with the new key."""
        engine = self.engine
        fairy = engine.raw_connection()  # PRAGMA rekey is SQLCipher's own
        try:
            db = fairy.driver_connection
            assert db is not None
            result = db.execute(f"PRAGMA rekey = \"x'{ks.db_key.hex()}'\"").fetchall()
            if result and result[0][0] != "ok":
                raise StoreCorrupt(f"the database key could not be changed: {result[0][0]}")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlcipher.Error as e:
            raise translate(e, self.db_path) from None
        finally:
            fairy.close()
        engine.dispose()
        self._engine = None
        wipe(self._key)
        self._key = bytearray(ks.db_key)
        self._generation = ks.generation
        self._engine = make_engine(self.db_path, self._key)

    def _change_key(self, change: SlotChange) -> KeyChange:
        """Apply ``change`` to the key slots and replace the database key, sealing
        the new one to every remaining slot; three steps, each leaving a way in
        for every remaining slot (see keys.py)."""
        with self._mutex:
            sf = read_slots(self.data_dir)
            current = self._keyset()
            new = new_keyset(current.generation + 1, current.audit_key)
            dropped, legacy_recovery = sf.drop_legacy()
            change(sf, [current])
            dropped = [name for name in dropped if sf.user_slot(name) is None]
            recovery_text = None
            if legacy_recovery and sf.recovery_slot() is None:
                recovery_text, raw = new_recovery_key()
                sf.set_recovery_slot(raw, [current])
            sf.generation = current.generation
            sf.seal_all(new)
            write_slots(self.data_dir, sf)
            self._rekey_db(new)
            sf.finish(new.generation)
            write_slots(self.data_dir, sf)
        return KeyChange(recovery_text, tuple(dropped))

    def _complete_change(self, sf: SlotFile, keysets: list[KeySet]) -> None:
        """Finish a key change a crash cut short: re-key the database if it is still
        under the older key, then drop the older key from the slots."""
        target = sf.pending
        if target is None:
            return
        newest = next((k for k in keysets if k.generation == target), None)
        if newest is None:
            return
        with self._mutex:
            if self._generation != target:
                self._rekey_db(newest)
            sf.finish(target)
            write_slots(self.data_dir, sf)

    def _finish_revocations(self) -> None:
        """A slot whose user is disabled (or unknown) in the database: a disable cut
        short before its key change. Finish it now."""
        sf = read_slots(self.data_dir)
        with self._read() as conn:
            active = {
                r.id: r.username
                for r in conn.execute(select(users.c.id, users.c.username).where(~users.c.disabled))
            }
        stale = [
            s.user_id
            for s in sf.slots
            if s.kind == "user" and s.user_id is not None and active.get(s.user_id) != s.username
        ]
        if not stale:
            return

        def change(sf: SlotFile, _current: list[KeySet]) -> None:
            for uid in stale:
                sf.remove_user_slot(uid)

        self._change_key(change)
        self._audit("key-changed")


def check_password(password: str) -> None:
    if any("\ud800" <= c <= "\udfff" for c in password):
        raise InvalidInput("a password cannot hold a lone surrogate (half of a character)")
    if len(normal_password(password)) < 10:
        raise InvalidInput("a password needs at least 10 characters")


def check_username(username: str) -> None:
    if (
        not username
        or len(username) > 64
        or not username.isprintable()
        or username != username.strip()
    ):
        raise InvalidInput("a user name is 1 to 64 printable characters, no surrounding spaces")
