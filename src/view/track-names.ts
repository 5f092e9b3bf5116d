/** Track names moved to sim (the CLI's after-action report names tracks too); kept here for the view and app. */
export * from '../sim/track-names';
