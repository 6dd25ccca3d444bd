"""message templates and the message log

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-01 14:36:59.739626
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base


revision = '0003'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('message_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_templates')),
    sa.UniqueConstraint('kind', 'language', name=op.f('uq_message_templates_kind_language'))
    )
    op.create_table('message_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('language', sa.String(length=8), server_default='en', nullable=False),
    sa.Column('recipient_name', sa.String(length=300), server_default='', nullable=False),
    sa.Column('recipient_email', sa.String(length=200), server_default='', nullable=False),
    sa.Column('subject', sa.String(length=300), server_default='', nullable=False),
    sa.Column('body', sa.Text(), server_default='', nullable=False),
    sa.Column('attachments', sa.Text(), server_default='', nullable=False),
    sa.Column('channel', sa.String(length=10), server_default='smtp', nullable=False),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('detail', sa.Text(), server_default='', nullable=False),
    sa.Column('message_id', sa.String(length=200), server_default='', nullable=False),
    sa.Column('username', sa.String(length=100), server_default='', nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.Column('outreach_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['outreach_id'], ['outreach.id'], name=op.f('fk_message_log_outreach_id_outreach'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_message_log_report_id_reports'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_log'))
    )
    with op.batch_alter_table('message_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_log_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_log_outreach_id'), ['outreach_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_log_purpose'), ['purpose'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_log_report_id'), ['report_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_log_result'), ['result'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('message_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_log_result'))
        batch_op.drop_index(batch_op.f('ix_message_log_report_id'))
        batch_op.drop_index(batch_op.f('ix_message_log_purpose'))
        batch_op.drop_index(batch_op.f('ix_message_log_outreach_id'))
        batch_op.drop_index(batch_op.f('ix_message_log_kind'))
        batch_op.drop_index(batch_op.f('ix_message_log_at'))

    op.drop_table('message_log')
    op.drop_table('message_templates')
