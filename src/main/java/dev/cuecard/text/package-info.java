/** Small text measures shared by features that have no other reason to depend on each other. */
package dev.cuecard.text;
