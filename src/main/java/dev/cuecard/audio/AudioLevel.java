package dev.cuecard.audio;

/**
 * Input level of one chunk, for the level meters.
 *
 * @param rms  root mean square, 0..1 of full scale
 * @param peak largest absolute sample, 0..1 of full scale
 * @param atMs audio position at the end of the chunk
 */
public record AudioLevel(Channel channel, double rms, double peak, long atMs) {

    /** RMS in dBFS (−∞ for silence clamped to −96). */
    public double rmsDb() {
        return toDb(rms);
    }

    private static double toDb(double v) {
        return v <= 0 ? -96.0 : Math.max(-96.0, 20 * Math.log10(v));
    }
}
