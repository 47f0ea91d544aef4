import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { RxDatabase } from 'rxdb';

/**
 * A small persisted value in one RxDB local document of the member's database:
 * it lives in the same IndexedDB as the documents, so it survives a reload and
 * is removed with the database at sign-out. Writes are serialised through
 * RxDB's incremental write queue (safe against other tabs' writes too).
 */
export class LocalValue<T extends object> {
  private readonly subject: BehaviorSubject<T>;
  private readonly sub: Subscription;
  private queue: Promise<unknown> = Promise.resolve();
  readonly value$: Observable<T>;

  private constructor(
    private readonly db: RxDatabase,
    private readonly key: string,
    private readonly initial: T,
    first: T,
  ) {
    this.subject = new BehaviorSubject<T>(first);
    this.value$ = this.subject.asObservable();
    // getLocal$ also reports writes made by other tabs on the same database.
    this.sub = db.getLocal$<T>(key).subscribe((doc) => {
      const next = doc ? (doc.toJSON().data as T) : initial;
      this.subject.next(next);
    });
  }

  static async open<T extends object>(db: RxDatabase, key: string, initial: T): Promise<LocalValue<T>> {
    const doc = await db.getLocal<T>(key);
    return new LocalValue<T>(db, key, initial, doc ? (doc.toJSON().data as T) : initial);
  }

  get value(): T {
    return this.subject.getValue();
  }

  /** Applies `fn` to the latest stored value; resolves once it is stored. */
  modify(fn: (current: T) => T): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.db.closed) return;
      for (;;) {
        const doc = await this.db.getLocal<T>(this.key);
        if (doc) {
          await doc.incrementalModify((data: T) => fn(data));
          return;
        }
        try {
          await this.db.insertLocal<T>(this.key, fn(this.initial));
          return;
        } catch (err) {
          // Another tab inserted it first: modify theirs on the next turn.
          if ((err as { status?: number }).status !== 409) throw err;
        }
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.sub.unsubscribe();
    this.subject.complete();
  }
}
