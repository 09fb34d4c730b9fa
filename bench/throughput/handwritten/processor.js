'use strict';
const end = Date.now() + 1000 * Number(process.env.DURATION);
module.exports = { running: (context, next) => next(Date.now() < end) };
