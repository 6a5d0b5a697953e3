// Every value an event sends to a block, in order, for views that must see each one (a streamed
// video appends each segment): renders show only the last of the values that arrive in one frame.

/** A view's listener: `final` marks the completion's value, which repeats the last value a
 * generator yielded (or is the only value of a plain function). */
export type OutputFeed = (value: unknown, final: boolean) => void;

/** Block id -> the view's listener. */
export const outputFeeds = new Map<number, OutputFeed>();
