// Every value an event sends to a block, in order, for views that must see each one (a streamed
// video appends each segment): renders show only the last of the values that arrive in one frame.

/** A view's listener: each value, with the token of the run that sent it (a streamed video
 * starts a new stream when a new run sends a value); `final` marks the completion's value,
 * which repeats the last value a generator yielded (or is the only value of a plain function). */
export type OutputFeed = (value: unknown, run: number, final: boolean) => void;

/** Block id -> the view's listener. */
export const outputFeeds = new Map<number, OutputFeed>();
