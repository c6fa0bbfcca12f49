import { describe, expect, it } from 'vitest';
import type { Page, PageRequest } from '../records.js';
import {
  collectPages,
  createLearner,
  createTenant,
  expectAppError,
  newAnswer,
  newEmail,
  newSession,
  type ContractHarness,
} from './harness.js';

interface Item {
  id: string;
  createdAt: string;
}

/** One paged list of the port: how to add an item to it and how to read a page. */
interface PagedList {
  name: string;
  setup(h: ContractHarness): Promise<{
    add(): Promise<Item>;
    list(page: PageRequest): Promise<Page<Item>>;
  }>;
}

const pagedLists: PagedList[] = [
  {
    name: 'learners.list',
    async setup(h) {
      const tenant = h.store.forTenant((await createTenant(h.store)).id);
      return { add: () => createLearner(tenant), list: (page) => tenant.learners.list(page) };
    },
  },
  {
    name: 'sessions.listForLearner',
    async setup(h) {
      const tenant = h.store.forTenant((await createTenant(h.store)).id);
      const learner = await createLearner(tenant);
      return {
        add: () => tenant.sessions.create(newSession(learner.id)),
        list: (page) => tenant.sessions.listForLearner(learner.id, page),
      };
    },
  },
  {
    name: 'answers.listForLearner',
    async setup(h) {
      const tenant = h.store.forTenant((await createTenant(h.store)).id);
      const learner = await createLearner(tenant);
      const session = await tenant.sessions.create(newSession(learner.id));
      return {
        add: () => tenant.answers.create(newAnswer(learner.id, session.id)),
        list: (page) => tenant.answers.listForLearner(learner.id, page),
      };
    },
  },
  {
    name: 'outbox.list',
    async setup(h) {
      const tenant = h.store.forTenant((await createTenant(h.store)).id);
      return { add: () => tenant.outbox.enqueue(newEmail()), list: (page) => tenant.outbox.list(page) };
    },
  },
];

async function addItems(add: () => Promise<Item>, count: number, between: () => void): Promise<Item[]> {
  const items: Item[] = [];
  for (let i = 0; i < count; i += 1) {
    items.push(await add());
    between();
  }
  return items;
}

const ids = (items: Item[]) => items.map((item) => item.id);

export function describePaging(h: ContractHarness): void {
  for (const paged of pagedLists) {
    describe(paged.name, () => {
      it('pages newest first and the cursors cover every item exactly once', async () => {
        const { add, list } = await paged.setup(h);
        const created = await addItems(add, 12, () => h.clock.advance(1000));
        const { items, pages } = await collectPages(list, 5);
        expect(pages).toBe(3);
        expect(ids(items)).toEqual(ids(created).reverse());
      });

      it('is stable when many items share one timestamp', async () => {
        const { add, list } = await paged.setup(h);
        const created = await addItems(add, 13, () => undefined);
        const all = await list({ limit: 100 });
        expect(all.nextCursor).toBeNull();
        const { items } = await collectPages(list, 4);
        expect(ids(items)).toEqual(ids(all.items));
        expect(new Set(ids(items))).toEqual(new Set(ids(created)));
      });

      it('an empty list is one empty page', async () => {
        const { list } = await paged.setup(h);
        expect(await list({ limit: 10 })).toEqual({ items: [], nextCursor: null });
      });

      it('a page that ends on the last item has no next cursor', async () => {
        const { add, list } = await paged.setup(h);
        await addItems(add, 6, () => h.clock.advance(1000));
        const first = await list({ limit: 3 });
        expect(first.nextCursor).not.toBeNull();
        const second = await list({ limit: 3, cursor: first.nextCursor });
        expect(second.items).toHaveLength(3);
        expect(second.nextCursor).toBeNull();
      });
    });
  }

  describe('cursors and limits', () => {
    it('items added while paging neither repeat nor shift the later pages', async () => {
      const tenant = h.store.forTenant((await createTenant(h.store)).id);
      const created = await addItems(() => createLearner(tenant), 6, () => h.clock.advance(1000));
      const first = await tenant.learners.list({ limit: 3 });
      await createLearner(tenant);
      const second = await tenant.learners.list({ limit: 3, cursor: first.nextCursor });
      expect([...ids(first.items), ...ids(second.items)]).toEqual(ids(created).reverse());
      expect(second.nextCursor).toBeNull();
    });

    it('the limit is bounded to 1..100', async () => {
      const tenant = h.store.forTenant((await createTenant(h.store)).id);
      await addItems(() => createLearner(tenant), 101, () => h.clock.advance(10));
      const tooSmall = await tenant.learners.list({ limit: 0 });
      expect(tooSmall.items).toHaveLength(1);
      expect(tooSmall.nextCursor).not.toBeNull();
      const tooBig = await tenant.learners.list({ limit: 1000 });
      expect(tooBig.items).toHaveLength(100);
      expect(tooBig.nextCursor).not.toBeNull();
      expect((await tenant.learners.list({ limit: 1000, cursor: tooBig.nextCursor })).items).toHaveLength(1);
    });

    it('a cursor that the store did not issue is VALIDATION_FAILED', async () => {
      const tenant = h.store.forTenant((await createTenant(h.store)).id);
      await expectAppError(tenant.learners.list({ limit: 10, cursor: 'not-a-cursor' }), 'VALIDATION_FAILED');
    });
  });
}
