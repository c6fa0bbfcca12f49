/**
 * Building blocks for the schemas: the same limits the zod input schemas set (tenant settings,
 * the routers, answer text), so a record that could not have come through the API is refused
 * by the store too, with VALIDATION_FAILED.
 */
import { Schema, type Query, type SchemaDefinitionProperty, type SchemaOptions, type SchemaTimestampsConfig } from 'mongoose';

type Prop = SchemaDefinitionProperty;

const isWhole = (value: unknown) => value === null || value === undefined || Number.isInteger(value);

/** A required, non-empty string of at most `max` characters. */
export function text(max: number, extra: { match?: RegExp; enum?: readonly string[] } = {}): Prop {
  return {
    type: String,
    required: true,
    minlength: 1,
    maxlength: max,
    ...(extra.match ? { match: extra.match } : {}),
    ...(extra.enum ? { enum: [...extra.enum] } : {}),
  };
}

/** A string that may be empty (mongoose's `required` refuses ''), at most `max` characters. */
export function maybeEmptyText(max: number): Prop {
  return {
    type: String,
    default: '',
    maxlength: max,
    validate: { validator: (value: unknown) => typeof value === 'string', message: '{PATH} must be text' },
  };
}

/** A string or null (the default); when a string, non-empty and at most `max` characters. */
export function nullableText(max: number, match?: RegExp): Prop {
  return { type: String, default: null, minlength: 1, maxlength: max, ...(match ? { match } : {}) };
}

export function choice(values: readonly string[]): Prop {
  return { type: String, required: true, enum: [...values] };
}

/** A whole number in [min, max]. */
export function whole(min: number, max: number = Number.MAX_SAFE_INTEGER, nullable = false): Prop {
  return {
    type: Number,
    ...(nullable ? { default: null } : { required: true }),
    min,
    max,
    validate: { validator: isWhole, message: '{PATH} must be a whole number' },
  };
}

/** A finite number in [min, max]. */
export function decimal(min: number, max: number): Prop {
  return { type: Number, required: true, min, max };
}

export const flag: Prop = { type: Boolean, required: true };
export const when: Prop = { type: Date, required: true };
export const nullableWhen: Prop = { type: Date, default: null };

/** Record ids are strings (`lrn_…`) made by `newId`; 64 is the routers' id limit. */
export const recordId: Prop = { type: String, required: true, minlength: 1, maxlength: 64 };

/** Every tenant-scoped collection: required, and never changed once written. */
export const tenantIdPath: Prop = { type: String, required: true, minlength: 1, maxlength: 64, immutable: true };

/** An array of at most `max` strings of at most `itemMax` characters each. */
export function textList(max: number, itemMax: number): Prop {
  return {
    type: [{ type: String, maxlength: itemMax }],
    default: [],
    validate: { validator: (value: unknown[]) => value.length <= max, message: `{PATH} holds at most ${max} items` },
  };
}

/** An array of sub-documents, between `min` and `max` of them. */
export function documentList(schema: Schema, min: number, max: number): Prop {
  return {
    type: [schema],
    default: [],
    validate: {
      validator: (value: unknown[]) => value.length >= min && value.length <= max,
      message: `{PATH} holds ${min} to ${max} items`,
    },
  };
}

/**
 * Options every top-level schema shares: unknown paths throw instead of vanishing, no `__v`
 * (revisions are explicit where they matter), empty objects are kept, string ids.
 */
export function collectionOptions(collection: string, clock: () => Date, timestamps: boolean | SchemaTimestampsConfig) {
  return {
    collection,
    strict: 'throw' as const,
    strictQuery: 'throw' as const,
    versionKey: false as const,
    minimize: false,
    id: false,
    // The store's clock, not the system's: every timestamp comes from one injected source.
    timestamps: timestamps === false ? false : { ...(timestamps === true ? {} : timestamps), currentTime: clock },
  };
}

/** Sub-documents have no `_id` of their own. */
export const embedded = { _id: false, id: false, strict: 'throw', minimize: false } as const satisfies SchemaOptions;

const UPDATE_OPERATIONS = ['findOneAndUpdate', 'findOneAndReplace', 'replaceOne', 'updateMany', 'updateOne'] as const;

/**
 * Mongoose validates documents on save but updates only when asked: this plugin asks on every
 * update, so `$set` of an out-of-range value fails the same way a bad insert does.
 */
export function validateUpdatesPlugin(schema: Schema): void {
  schema.pre([...UPDATE_OPERATIONS], { document: false, query: true }, function (this: Query<unknown, unknown>) {
    this.setOptions({ runValidators: true });
  });
}
