/**
 * The live answer coach (issue 15): while the candidate answers, ticks the card's key points as
 * they are said, shows what is still worth saying, times the answer and counts pace and fillers,
 * and names the likely follow-up when the answer ends. Headless: it reads and publishes pipeline
 * events; the overlay, the CLI and the recorder listen.
 */
package dev.cuecard.coach;
