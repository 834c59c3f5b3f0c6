/** Subject access and erasure: nothing here is for other features to use. */
export {};
