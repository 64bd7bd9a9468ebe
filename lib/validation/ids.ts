// Record ids are UUIDs. Anything else sent where an id belongs (a guessed
// number, a crafted string) is "not found" before it reaches PostgreSQL,
// which would otherwise fail on the cast and answer 500.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
