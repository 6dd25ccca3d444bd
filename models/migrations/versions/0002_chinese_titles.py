"""optional Chinese titles of topic proposals, exchanges and panels

Revision ID: 0002
Revises: 0009
Create Date: 2026-12-01 14:50:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0009'
branch_labels = None
depends_on = None

TABLES = ('topic_proposals', 'exchanges', 'panels')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('title_zh', sa.String(length=300), server_default='', nullable=False))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('title_zh')
