"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 11:55:38.674714
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('username', sa.String(length=100), server_default='', nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.Enum('insert', 'update', 'delete', name='auditaction', native_enum=False, length=32), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_table_name'), ['table_name'], unique=False)

    op.create_table('departments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), server_default='', nullable=False),
    sa.Column('code', sa.String(length=20), server_default='', nullable=False),
    sa.Column('contact_email', sa.String(length=200), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_departments')),
    sa.UniqueConstraint('name_en', name=op.f('uq_departments_name_en'))
    )
    op.create_table('partners',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), server_default='', nullable=False),
    sa.Column('country', sa.String(length=100), nullable=False),
    sa.Column('city', sa.String(length=100), server_default='', nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('website', sa.String(length=300), server_default='', nullable=False),
    sa.Column('languages', sa.String(length=200), server_default='', nullable=False),
    sa.Column('region', sa.String(length=60), server_default='', nullable=False),
    sa.Column('status', sa.Enum('prospect', 'active', 'dormant', name='partnerstatus', native_enum=False, length=32), server_default='active', nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partners')),
    sa.UniqueConstraint('name', name=op.f('uq_partners_name'))
    )
    op.create_table('rubric_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), server_default='', nullable=False),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rubric_items')),
    sa.UniqueConstraint('name_en', name=op.f('uq_rubric_items_name_en'))
    )
    op.create_table('semesters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('topic_deadline', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_semesters')),
    sa.UniqueConstraint('name', name=op.f('uq_semesters_name'))
    )
    op.create_table('topic_areas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), server_default='', nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topic_areas')),
    sa.UniqueConstraint('name_en', name=op.f('uq_topic_areas_name_en'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=200), server_default='', nullable=False),
    sa.Column('role', sa.Enum('administrator', 'officer', 'viewer', name='userrole', native_enum=False, length=32), server_default='officer', nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('evaluations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('semester_id', sa.Integer(), nullable=False),
    sa.Column('interview_date', sa.Date(), nullable=False),
    sa.Column('interviewer', sa.String(length=200), server_default='', nullable=False),
    sa.Column('interviewees', sa.String(length=300), server_default='', nullable=False),
    sa.Column('findings', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_evaluations_department_id_departments'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['semester_id'], ['semesters.id'], name=op.f('fk_evaluations_semester_id_semesters'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluations'))
    )
    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluations_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluations_semester_id'), ['semester_id'], unique=False)

    op.create_table('follow_up_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('contact_date', sa.Date(), nullable=False),
    sa.Column('channel', sa.Enum('email', 'video_call', 'visit', 'conference', 'other', name='contactchannel', native_enum=False, length=32), server_default='email', nullable=False),
    sa.Column('people', sa.String(length=300), server_default='', nullable=False),
    sa.Column('summary', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_follow_up_contacts_department_id_departments'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_follow_up_contacts_partner_id_partners'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_contacts'))
    )
    with op.batch_alter_table('follow_up_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_contacts_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_contacts_partner_id'), ['partner_id'], unique=False)

    op.create_table('partner_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=200), server_default='', nullable=False),
    sa.Column('position', sa.String(length=200), server_default='', nullable=False),
    sa.Column('email', sa.String(length=200), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_partner_contacts_partner_id_partners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_contacts'))
    )
    with op.batch_alter_table('partner_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_contacts_partner_id'), ['partner_id'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), server_default='', nullable=False),
    sa.Column('position', sa.String(length=200), server_default='', nullable=False),
    sa.Column('email', sa.String(length=200), server_default='', nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_people_department_id_departments'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_department_id'), ['department_id'], unique=False)

    op.create_table('topic_proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('semester_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('direction', sa.Enum('learn', 'share', 'both', name='direction', native_enum=False, length=32), server_default='both', nullable=False),
    sa.Column('priority', sa.Enum('high', 'medium', 'low', name='priority', native_enum=False, length=32), server_default='medium', nullable=False),
    sa.Column('status', sa.Enum('submitted', 'shortlisted', 'accepted', 'scheduled', 'declined', name='proposalstatus', native_enum=False, length=32), server_default='submitted', nullable=False),
    sa.Column('preferred_region', sa.String(length=100), server_default='', nullable=False),
    sa.Column('source', sa.Enum('typed', 'imported', name='proposalsource', native_enum=False, length=32), server_default='typed', nullable=False),
    sa.Column('source_file', sa.String(length=300), server_default='', nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('form_key', sa.String(length=120), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['topic_areas.id'], name=op.f('fk_topic_proposals_area_id_topic_areas'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_topic_proposals_department_id_departments'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['semester_id'], ['semesters.id'], name=op.f('fk_topic_proposals_semester_id_semesters'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topic_proposals')),
    sa.UniqueConstraint('form_key', name=op.f('uq_topic_proposals_form_key'))
    )
    with op.batch_alter_table('topic_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_topic_proposals_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_topic_proposals_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_topic_proposals_semester_id'), ['semester_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_topic_proposals_status'), ['status'], unique=False)

    op.create_table('evaluation_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), server_default='', nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluations.id'], name=op.f('fk_evaluation_actions_evaluation_id_evaluations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_actions'))
    )
    with op.batch_alter_table('evaluation_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_actions_evaluation_id'), ['evaluation_id'], unique=False)

    op.create_table('evaluation_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('rubric_item_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluations.id'], name=op.f('fk_evaluation_scores_evaluation_id_evaluations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rubric_item_id'], ['rubric_items.id'], name=op.f('fk_evaluation_scores_rubric_item_id_rubric_items'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_scores')),
    sa.UniqueConstraint('evaluation_id', 'rubric_item_id', name=op.f('uq_evaluation_scores_evaluation_id_rubric_item_id'))
    )
    with op.batch_alter_table('evaluation_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_scores_evaluation_id'), ['evaluation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluation_scores_rubric_item_id'), ['rubric_item_id'], unique=False)

    op.create_table('exchanges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('semester_id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.Enum('one_off', 'multi_round', name='exchangekind', native_enum=False, length=32), server_default='one_off', nullable=False),
    sa.Column('planned_rounds', sa.Integer(), server_default='1', nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['topic_proposals.id'], name=op.f('fk_exchanges_proposal_id_topic_proposals'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['semester_id'], ['semesters.id'], name=op.f('fk_exchanges_semester_id_semesters'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchanges'))
    )
    with op.batch_alter_table('exchanges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchanges_proposal_id'), ['proposal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exchanges_semester_id'), ['semester_id'], unique=False)

    op.create_table('outreach',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'contacted', 'interested', 'agreed', 'declined', 'no_reply', name='outreachstatus', native_enum=False, length=32), server_default='planned', nullable=False),
    sa.Column('contacted_on', sa.Date(), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_outreach_partner_id_partners'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['proposal_id'], ['topic_proposals.id'], name=op.f('fk_outreach_proposal_id_topic_proposals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outreach')),
    sa.UniqueConstraint('proposal_id', 'partner_id', name=op.f('uq_outreach_proposal_id_partner_id'))
    )
    with op.batch_alter_table('outreach', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outreach_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outreach_proposal_id'), ['proposal_id'], unique=False)

    op.create_table('visit_priorities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('computed_score', sa.Double(), server_default='0', nullable=False),
    sa.Column('score_parts', sa.JSON(), nullable=False),
    sa.Column('adjustment', sa.Double(), server_default='0', nullable=False),
    sa.Column('adjustment_reason', sa.Text(), server_default='', nullable=False),
    sa.Column('adjusted_by', sa.String(length=100), server_default='', nullable=False),
    sa.Column('status', sa.Enum('candidate', 'nominated', 'approved', 'visited', name='visitstatus', native_enum=False, length=32), server_default='candidate', nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_visit_priorities_partner_id_partners'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_visit_priorities_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_priorities')),
    sa.UniqueConstraint('person_id', 'partner_id', name=op.f('uq_visit_priorities_person_id_partner_id'))
    )
    with op.batch_alter_table('visit_priorities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_priorities_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_priorities_person_id'), ['person_id'], unique=False)

    op.create_table('evaluation_exchanges',
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('exchange_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluations.id'], name=op.f('fk_evaluation_exchanges_evaluation_id_evaluations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exchange_id'], ['exchanges.id'], name=op.f('fk_evaluation_exchanges_exchange_id_exchanges'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('evaluation_id', 'exchange_id', name=op.f('pk_evaluation_exchanges'))
    )
    with op.batch_alter_table('evaluation_exchanges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_exchanges_exchange_id'), ['exchange_id'], unique=False)

    op.create_table('exchange_contacts',
    sa.Column('exchange_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['partner_contacts.id'], name=op.f('fk_exchange_contacts_contact_id_partner_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exchange_id'], ['exchanges.id'], name=op.f('fk_exchange_contacts_exchange_id_exchanges'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('exchange_id', 'contact_id', name=op.f('pk_exchange_contacts'))
    )
    with op.batch_alter_table('exchange_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_contacts_contact_id'), ['contact_id'], unique=False)

    op.create_table('exchange_departments',
    sa.Column('exchange_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_exchange_departments_department_id_departments'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['exchange_id'], ['exchanges.id'], name=op.f('fk_exchange_departments_exchange_id_exchanges'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('exchange_id', 'department_id', name=op.f('pk_exchange_departments'))
    )
    with op.batch_alter_table('exchange_departments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_departments_department_id'), ['department_id'], unique=False)

    op.create_table('exchange_partners',
    sa.Column('exchange_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['exchange_id'], ['exchanges.id'], name=op.f('fk_exchange_partners_exchange_id_exchanges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_exchange_partners_partner_id_partners'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('exchange_id', 'partner_id', name=op.f('pk_exchange_partners'))
    )
    with op.batch_alter_table('exchange_partners', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_partners_partner_id'), ['partner_id'], unique=False)

    op.create_table('participations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('exchange_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('participant', 'lead', 'speaker', 'moderator', 'observer', name='participantrole', native_enum=False, length=32), server_default='participant', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['exchange_id'], ['exchanges.id'], name=op.f('fk_participations_exchange_id_exchanges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_participations_person_id_people'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participations')),
    sa.UniqueConstraint('person_id', 'exchange_id', name=op.f('uq_participations_person_id_exchange_id'))
    )
    with op.batch_alter_table('participations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participations_exchange_id'), ['exchange_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participations_person_id'), ['person_id'], unique=False)

    op.create_table('workshops',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exchange_id', sa.Integer(), nullable=False),
    sa.Column('round_number', sa.Integer(), server_default='1', nullable=False),
    sa.Column('starts_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), server_default='180', nullable=False),
    sa.Column('platform', sa.String(length=100), server_default='', nullable=False),
    sa.Column('link', sa.String(length=500), server_default='', nullable=False),
    sa.Column('interpretation_languages', sa.String(length=100), server_default='', nullable=False),
    sa.Column('interpreter', sa.String(length=200), server_default='', nullable=False),
    sa.Column('status', sa.Enum('planned', 'confirmed', 'held', 'cancelled', name='workshopstatus', native_enum=False, length=32), server_default='planned', nullable=False),
    sa.Column('minutes', sa.Text(), server_default='', nullable=False),
    sa.Column('outcome', sa.Text(), server_default='', nullable=False),
    sa.Column('continues_independently', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['exchange_id'], ['exchanges.id'], name=op.f('fk_workshops_exchange_id_exchanges'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshops')),
    sa.UniqueConstraint('exchange_id', 'round_number', name=op.f('uq_workshops_exchange_id_round_number'))
    )
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshops_exchange_id'), ['exchange_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workshops_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_workshops_status'), ['status'], unique=False)

    op.create_table('attendance',
    sa.Column('participation_id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('attended', sa.Boolean(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['participation_id'], ['participations.id'], name=op.f('fk_attendance_participation_id_participations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], name=op.f('fk_attendance_workshop_id_workshops'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('participation_id', 'workshop_id', name=op.f('pk_attendance'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('panels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('track', sa.String(length=100), server_default='Main room', nullable=False),
    sa.Column('starts_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), server_default='35', nullable=False),
    sa.Column('moderator', sa.String(length=200), server_default='', nullable=False),
    sa.Column('interpretation_needed', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('language_pair', sa.String(length=60), server_default='', nullable=False),
    sa.Column('interpreter', sa.String(length=200), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], name=op.f('fk_panels_workshop_id_workshops'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_panels'))
    )
    with op.batch_alter_table('panels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panels_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('preparations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participation_id', sa.Integer(), nullable=False),
    sa.Column('to_learn', sa.Text(), server_default='', nullable=False),
    sa.Column('to_share', sa.Text(), server_default='', nullable=False),
    sa.Column('materials', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['participation_id'], ['participations.id'], name=op.f('fk_preparations_participation_id_participations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_preparations')),
    sa.UniqueConstraint('participation_id', name=op.f('uq_preparations_participation_id'))
    )
    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('research_report', 'innovation_proposal', 'field_research', name='reportkind', native_enum=False, length=32), server_default='research_report', nullable=False),
    sa.Column('title', sa.String(length=300), server_default='', nullable=False),
    sa.Column('abstract', sa.Text(), server_default='', nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('review_status', sa.Enum('not_submitted', 'submitted', 'under_review', 'revision_requested', 'accepted', 'rejected', name='reviewstatus', native_enum=False, length=32), server_default='not_submitted', nullable=False),
    sa.Column('reviewer', sa.String(length=200), server_default='', nullable=False),
    sa.Column('review_notes', sa.Text(), server_default='', nullable=False),
    sa.Column('publication_channel', sa.Enum('none', 'website', 'wechat', 'both', name='publicationchannel', native_enum=False, length=32), server_default='none', nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('publication_url', sa.String(length=500), server_default='', nullable=False),
    sa.Column('file_name', sa.String(length=300), server_default='', nullable=False),
    sa.Column('file_size', sa.Integer(), nullable=True),
    sa.Column('file_sha256', sa.String(length=64), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['participation_id'], ['participations.id'], name=op.f('fk_reports_participation_id_participations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports'))
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_participation_id'), ['participation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_review_status'), ['review_status'], unique=False)

    op.create_table('panel_speakers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.CheckConstraint('(person_id IS NULL) <> (contact_id IS NULL)', name=op.f('ck_panel_speakers_one_side')),
    sa.ForeignKeyConstraint(['contact_id'], ['partner_contacts.id'], name=op.f('fk_panel_speakers_contact_id_partner_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['panel_id'], ['panels.id'], name=op.f('fk_panel_speakers_panel_id_panels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_panel_speakers_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_panel_speakers'))
    )
    with op.batch_alter_table('panel_speakers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panel_speakers_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_panel_speakers_panel_id'), ['panel_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_panel_speakers_person_id'), ['person_id'], unique=False)

    op.create_table('report_files',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('fk_report_files_report_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', name=op.f('pk_report_files'))
    )


def downgrade() -> None:
    op.drop_table('report_files')
    with op.batch_alter_table('panel_speakers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panel_speakers_person_id'))
        batch_op.drop_index(batch_op.f('ix_panel_speakers_panel_id'))
        batch_op.drop_index(batch_op.f('ix_panel_speakers_contact_id'))

    op.drop_table('panel_speakers')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_review_status'))
        batch_op.drop_index(batch_op.f('ix_reports_participation_id'))
        batch_op.drop_index(batch_op.f('ix_reports_due_on'))

    op.drop_table('reports')
    op.drop_table('preparations')
    with op.batch_alter_table('panels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panels_workshop_id'))

    op.drop_table('panels')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_workshop_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workshops_status'))
        batch_op.drop_index(batch_op.f('ix_workshops_starts_at'))
        batch_op.drop_index(batch_op.f('ix_workshops_exchange_id'))

    op.drop_table('workshops')
    with op.batch_alter_table('participations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participations_person_id'))
        batch_op.drop_index(batch_op.f('ix_participations_exchange_id'))

    op.drop_table('participations')
    with op.batch_alter_table('exchange_partners', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_partners_partner_id'))

    op.drop_table('exchange_partners')
    with op.batch_alter_table('exchange_departments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_departments_department_id'))

    op.drop_table('exchange_departments')
    with op.batch_alter_table('exchange_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_contacts_contact_id'))

    op.drop_table('exchange_contacts')
    with op.batch_alter_table('evaluation_exchanges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_exchanges_exchange_id'))

    op.drop_table('evaluation_exchanges')
    with op.batch_alter_table('visit_priorities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_priorities_person_id'))
        batch_op.drop_index(batch_op.f('ix_visit_priorities_partner_id'))

    op.drop_table('visit_priorities')
    with op.batch_alter_table('outreach', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outreach_proposal_id'))
        batch_op.drop_index(batch_op.f('ix_outreach_partner_id'))

    op.drop_table('outreach')
    with op.batch_alter_table('exchanges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchanges_semester_id'))
        batch_op.drop_index(batch_op.f('ix_exchanges_proposal_id'))

    op.drop_table('exchanges')
    with op.batch_alter_table('evaluation_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_scores_rubric_item_id'))
        batch_op.drop_index(batch_op.f('ix_evaluation_scores_evaluation_id'))

    op.drop_table('evaluation_scores')
    with op.batch_alter_table('evaluation_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_actions_evaluation_id'))

    op.drop_table('evaluation_actions')
    with op.batch_alter_table('topic_proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_topic_proposals_status'))
        batch_op.drop_index(batch_op.f('ix_topic_proposals_semester_id'))
        batch_op.drop_index(batch_op.f('ix_topic_proposals_department_id'))
        batch_op.drop_index(batch_op.f('ix_topic_proposals_area_id'))

    op.drop_table('topic_proposals')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_department_id'))

    op.drop_table('people')
    with op.batch_alter_table('partner_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_contacts_partner_id'))

    op.drop_table('partner_contacts')
    with op.batch_alter_table('follow_up_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_contacts_partner_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_contacts_department_id'))

    op.drop_table('follow_up_contacts')
    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluations_semester_id'))
        batch_op.drop_index(batch_op.f('ix_evaluations_department_id'))

    op.drop_table('evaluations')
    op.drop_table('users')
    op.drop_table('topic_areas')
    op.drop_table('semesters')
    op.drop_table('rubric_items')
    op.drop_table('partners')
    op.drop_table('departments')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_table_name'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_record_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_at'))

    op.drop_table('audit_entries')
