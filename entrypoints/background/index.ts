export default defineBackground(() => {
  // Router, API client and outbox are wired in ./router.ts (see below).
});
