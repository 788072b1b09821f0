import { sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { enterprise, projectStageEvent, supervisionNote } from './schema.ts';
import { nameNowOf } from './user.repository.ts';

const qb = new QueryBuilder();

describe('nameNowOf', () => {
  it('is why correlated subqueries name their outer table by hand: drizzle leaves a lone table bare', () => {
    // Should drizzle ever qualify these, the hand-written ${table}.column in src/db can go.
    expect(
      qb
        .select({ v: sql`${enterprise.id}` })
        .from(enterprise)
        .toSQL().sql,
    ).toBe('select "id" from "enterprise"');
    expect(
      qb
        .select({ v: sql`${enterprise}.id` })
        .from(enterprise)
        .toSQL().sql,
    ).toBe('select "enterprise".id from "enterprise"');
  });

  it('names the stored column by its table in a select without joins', () => {
    const notes = qb
      .select({ authorName: nameNowOf(supervisionNote.authorName) })
      .from(supervisionNote)
      .toSQL().sql;
    expect(notes).toBe(
      'select coalesce((select u.display_name from "app_user" u where u.username = ' +
        '"supervision_note"."author_name"), "supervision_note"."author_name") from "supervision_note"',
    );
    const events = qb
      .select({ actorName: nameNowOf(projectStageEvent.actorName) })
      .from(projectStageEvent)
      .toSQL().sql;
    expect(events).toContain('u.username = "project_stage_event"."actor_name"');
  });
});
