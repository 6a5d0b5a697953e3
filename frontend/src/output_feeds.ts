// Every value an event sends to a block, in order, for views that must see each one (a streamed
// video appends each segment): renders show only the last of the values that arrive in one frame.

/** Block id -> the view's listener. */
export const outputFeeds = new Map<number, (value: unknown) => void>();
