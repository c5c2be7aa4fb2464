/* The scorecard's question timer: one question at a time, counting the
   seconds spent against the question's minutes. It reads the clock instead
   of counting ticks, so a busy or backgrounded tab does not lose time. */

const TICK_MS = 1000;

/**
 * A timer that calls `onTick(id, seconds)` every second while it runs, and
 * stops by itself once `alive()` turns false (the page was navigated away).
 */
export function createTimer({ onTick, alive }) {
  let running = null; // {id, from: seconds at start, started: ms}
  let interval = null;

  const seconds = () => running.from + Math.floor((Date.now() - running.started) / 1000);

  function stop() {
    if (!running) return null;
    const stopped = { id: running.id, seconds: seconds() };
    clearInterval(interval);
    running = null;
    return stopped;
  }

  function start(id, from) {
    const stopped = stop();
    running = { id, from, started: Date.now() };
    interval = setInterval(() => {
      if (!alive()) return stop();
      onTick(running.id, seconds());
    }, TICK_MS);
    return stopped;
  }

  return { start, stop, runningId: () => running?.id ?? null };
}
