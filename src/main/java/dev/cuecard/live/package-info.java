/**
 * One session, however it is driven: the inputs, recognizers, question stage, hint drafting and
 * the recorder assembled in one place for the desktop app, {@code listen} and {@code replay}.
 */
package dev.cuecard.live;
