"""partner office hours, topic area order

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-01 15:20:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('partners', schema=None) as batch_op:
        batch_op.add_column(sa.Column('office_hours_start', sa.String(length=5), server_default='', nullable=False))
        batch_op.add_column(sa.Column('office_hours_end', sa.String(length=5), server_default='', nullable=False))
    with op.batch_alter_table('topic_areas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('position', sa.Integer(), server_default='0', nullable=False))
    # Existing areas keep the order they were shown in: alphabetical.
    areas = sa.table('topic_areas', sa.column('id', sa.Integer()), sa.column('name_en', sa.String()),
                     sa.column('position', sa.Integer()))
    connection = op.get_bind()
    rows = connection.execute(sa.select(areas.c.id).order_by(areas.c.name_en)).all()
    for position, (area_id,) in enumerate(rows):
        connection.execute(areas.update().where(areas.c.id == area_id).values(position=position))


def downgrade() -> None:
    with op.batch_alter_table('topic_areas', schema=None) as batch_op:
        batch_op.drop_column('position')
    with op.batch_alter_table('partners', schema=None) as batch_op:
        batch_op.drop_column('office_hours_end')
        batch_op.drop_column('office_hours_start')
