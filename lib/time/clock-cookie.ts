/** Name of the cookie that sets the server's clock in end-to-end tests (see clock.ts). */
export const TEST_CLOCK_COOKIE = "nimbus-test-now";
