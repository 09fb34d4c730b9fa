export class FormData {
  constructor() {
    this.parts = [];
    this.boundary = 'stub-boundary';
  }

  append(name, value) {
    this.parts.push([name, value]);
  }

  body() {
    return { multipart: this.parts };
  }
}
