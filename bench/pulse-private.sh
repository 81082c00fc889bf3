# Sourced by the benchmarks that play audio into a real sound server (bench/live-latency.sh,
# bench/soak.sh --live): a private PulseAudio server with two null sinks — "call", the default output
# (so the `system` device is call.monitor), and "mic", whose monitor stands in for a microphone.
# Needs: pulseaudio pulseaudio-utils.

# pulse_start WORKDIR — starts the server (its socket under WORKDIR/run), exports PULSE_SERVER, sets pulse_pid
pulse_start() {
  local work=$1
  mkdir -p "$work/run"
  XDG_RUNTIME_DIR="$work/run" PULSE_RUNTIME_PATH="$work/run" HOME="$work" \
    pulseaudio --daemonize=no --exit-idle-time=-1 -n --use-pid-file=no \
    --load="module-native-protocol-unix socket=$work/run/native auth-anonymous=1" > "$work/pulse.log" 2>&1 &
  pulse_pid=$!
  export PULSE_SERVER="unix:$work/run/native"
  for _ in $(seq 100); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
  pactl load-module module-null-sink sink_name=call sink_properties=device.description=Call >/dev/null
  pactl load-module module-null-sink sink_name=mic sink_properties=device.description=Microphone >/dev/null
  pactl set-default-sink call
}

# pulse_stop — ends the server started by pulse_start
pulse_stop() {
  [[ -n ${pulse_pid:-} ]] && kill "$pulse_pid" 2>/dev/null && wait "$pulse_pid" 2>/dev/null || true
  pulse_pid=""
}

# pulse_wait_captures N PID — waits (up to 3 min) until N recording streams are open while PID lives,
# then waits out the stall below; returns 1 if they never open.
# An idle null sink stalls for ~2 s when its monitor gets its first recording client (it has just
# rendered a 2 s block for nobody); a player that starts inside that window is held back until it
# ends, and its whole stream stays that much late. Measured with a parec probe and a tone played
# 0.5 / 1.5 / 2.5 / 4 s after the first client connected: the tone reached the monitor 1.62 / 0.62 /
# 0.01 / 0.01 s late. A call that is already playing, or starts later, never sees it; so wait it out.
pulse_wait_captures() {
  local n=$1 pid=$2
  for _ in $(seq 1800); do
    (( $(pactl list short source-outputs | wc -l) >= n )) && { sleep 3; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
